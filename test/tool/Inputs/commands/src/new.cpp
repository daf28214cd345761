// Not in the compile database yet (a new file, staged for a commit).
#include <string>
std::string url() { return std::string("postgres://db/app?schema=public") + "?connect_timeout=5"; }
