// Starts the three modules, as the service does at startup: each one opens
// the pool of its database service. Prints the server's error when a
// connection is refused.
#include "Modules.h"
#include <cstdio>
#include <exception>

int main() {
  try {
    app::instance();
    users::instance();
    orders::instance();
  } catch (const std::exception &E) {
    std::printf("error: %s\n", E.what());
    return 1;
  }
  std::printf("started\n");
  return 0;
}
