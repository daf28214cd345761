// SOCI: connection_pool(n) holds n sessions; each is opened by the program.
#include "probe.h"
#include <soci/connection-pool.h>
#include <soci/session.h>

int main() {
  const std::size_t Size = 6;
  soci::connection_pool Pool(Size);
  for (std::size_t I = 0; I != Size; ++I)
    Pool.at(I).open("postgresql", "dbname=app");
  return holdAndProbe();
}
