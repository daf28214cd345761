// Listed 3000 times with the same command; the standard library makes each
// parse cost tens of milliseconds.
#include <map>
#include <string>
std::map<std::string, int> many;
