// Listed with two commands; only the second defines SECOND.
#include <string>
#ifdef SECOND
std::string url() { return std::string("postgres://db/app?schema=public") + "?connect_timeout=5"; }
#endif
