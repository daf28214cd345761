// A one-shot setup function: runs once, its pool is no pool per call.
#include <soci/soci.h>
#include <cstdlib>

void migrate() {
  soci::connection_pool pool(1);
  pool.at(0).open("postgresql", std::getenv("DATABASE_URL"));
}

int main() { migrate(); }
