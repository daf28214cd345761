#include <string>
#include "config.h"
#include "plain.h"
std::string url() { return std::string(CONFIG_URL) + "?connect_timeout=5"; }
std::string name() { return PLAIN_NAME; }
