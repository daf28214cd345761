// Appends a parameter with the right separator, guarded by early returns.
#include <cstring>
#include <string>

std::string withTimeout(const char *raw) {
  std::string url(raw);
  if (std::strchr(raw, '?'))
    return url + "&connect_timeout=5";
  return url + "?connect_timeout=5";
}

std::string withSslMode(const std::string &base) {
  if (base.find('?') != std::string::npos)
    return base + "&sslmode=require";
  return base + "?sslmode=require";
}
