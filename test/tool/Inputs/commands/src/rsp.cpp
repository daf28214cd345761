// Compiled with @args.rsp, which defines FROM_RSP.
#ifndef FROM_RSP
#error the response file was not expanded
#endif
#include <string>
std::string url() { return std::string("postgres://db/app?schema=public") + "?connect_timeout=5"; }
