#include <string>
std::string url() {
  std::string Base = "postgres://db/app?schema=public";
  return Base + "?connection_limit=5";
}
