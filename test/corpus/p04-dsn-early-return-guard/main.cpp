#include <cstdlib>
#include <string>

std::string withTimeout(const char *raw);
std::string withSslMode(const std::string &base);

int main() {
  std::string url = withTimeout(std::getenv("DATABASE_URL"));
  return withSslMode(url).empty();
}
