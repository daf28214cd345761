// Tests build their own pool: a test is not the service, no finding.
#include <soci/soci.h>
#include <cstdlib>

void TestOrdersStoreInsert() {
  soci::connection_pool pool(2);
  pool.at(0).open("postgresql", std::getenv("TEST_DATABASE_URL"));
}

void TestOrdersStoreDelete() {
  soci::connection_pool pool(2);
  pool.at(0).open("postgresql", std::getenv("TEST_DATABASE_URL"));
}
