#include <string>

const std::string DATABASE_LINK = "postgresql://u:p@h:5432/db?schema=public";

std::string withLimit() {
  return DATABASE_LINK + "?connection_limit=5";
}

std::string withTimeout() {
  std::string Url = DATABASE_LINK;
  Url += "?connect_timeout=10";
  return Url;
}
