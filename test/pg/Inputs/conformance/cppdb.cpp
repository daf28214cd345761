// cppdb: four sessions open at once on one connection string with
// @pool_size=2.
#include "probe.h"
#include <cppdb/frontend.h>
#include <memory>
#include <vector>

int main() {
  std::vector<std::unique_ptr<cppdb::session>> Held;
  for (int I = 0; I != 4; ++I)
    Held.push_back(std::make_unique<cppdb::session>(
        std::string("postgresql:dbname=app;@pool_size=2")));
  return holdAndProbe();
}
