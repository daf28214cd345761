// The unguarded version: the URL may already carry a query string.
#include <cstdlib>
#include <string>

std::string databaseUrl() {
  std::string url = std::getenv("DATABASE_URL");
  return url + "?connect_timeout=5"; // poolguard-expect: poolguard-dsn-query-append
}

std::string withSslMode(const std::string &base) {
  if (base.find('?') != std::string::npos)
    return base + "&sslmode=require";
  std::string guarded = base + "?sslmode=require";
  return guarded + "?application_name=api"; // poolguard-expect: poolguard-dsn-query-append
}
