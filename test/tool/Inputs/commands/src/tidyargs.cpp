// .clang-tidy ExtraArgs define FROM_TIDY.
#ifndef FROM_TIDY
#error the ExtraArgs of .clang-tidy were not applied
#endif
#include <string>
std::string url() { return std::string("postgres://db/app?schema=public") + "?connect_timeout=5"; }
