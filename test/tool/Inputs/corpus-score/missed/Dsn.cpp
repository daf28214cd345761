// A marker on a line without a finding (a miss), and a finding without a
// marker (a false alarm).
#include <cstdlib>
#include <string>

std::string databaseUrl() {
  std::string url = std::getenv("DATABASE_URL"); // poolguard-expect: poolguard-dsn-query-append
  return url + "?connect_timeout=5";
}
