// The other TUs are still analyzed and reported.
#include <string>

std::string withTimeout(const std::string &url) {
  return url + "?connect_timeout=5"; // poolguard-expect: poolguard-dsn-query-append
}
