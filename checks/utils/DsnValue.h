#ifndef POOLGUARD_UTILS_DSNVALUE_H
#define POOLGUARD_UTILS_DSNVALUE_H
namespace clang::tidy::poolguard {}
#endif
