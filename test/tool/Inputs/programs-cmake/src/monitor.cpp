// The monitor executable: its own pool, in its own process.
#include <Poco/Data/SessionPool.h>
#include <cstdlib>

int main() {
  Poco::Data::SessionPool pool("PostgreSQL", std::getenv("DATABASE_URL"), 1, 4);
  return pool.capacity();
}
