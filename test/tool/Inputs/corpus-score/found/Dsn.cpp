#include <cstdlib>
#include <string>

std::string databaseUrl() {
  std::string url = std::getenv("DATABASE_URL");
  return url + "?connect_timeout=5"; // poolguard-expect: poolguard-dsn-query-append
}
