#include <string>
#include "config.h"
#include <pool.h>
std::string url() { return std::string(CONFIG_URL) + "?connect_timeout=5"; }
std::string pool() { return std::string(POOL_URL) + "?pool_size=5"; }
