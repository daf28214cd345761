// RUN: %check_tidy %s poolguard-dsn-query-append %t -std=c++20

#include <absl/strings/str_cat.h>
#include <cstdio>
#include <cstdlib>
#include <fmt/format.h>
#include <format>
#include <string>

#define DATABASE_LINK "postgresql://u:p@h:5432/db?schema=public"

void printfFamily(const char *user, const char *host) {
  char buf[256];
  snprintf(buf, sizeof buf, "%s?connection_limit=%d", DATABASE_LINK, 5);
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: query string appended with '?' to a URL that already contains a query ('...?schema=public'); the result has two '?' and libpq refuses the URL ('extra key/value separator "=" in URI query parameter: "schema"'); use '&' to add a parameter [poolguard-dsn-query-append]
  // CHECK-FIXES:  snprintf(buf, sizeof buf, "%s&connection_limit=%d", DATABASE_LINK, 5);
  sprintf(buf, "%s?connection_limit=%d", std::getenv("DATABASE_URL"), 5);
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: query string appended with '?' to a URL that may already contain a query; check for an existing '?' and use '&' when there is one
  std::snprintf(buf, sizeof buf, "%2$s?%1$s", "sslmode=require", DATABASE_LINK);
  // CHECK-MESSAGES: :[[@LINE-1]]:39: warning: query string appended with '?' to a URL that already contains a query ('...?schema=public')
  // CHECK-FIXES:  std::snprintf(buf, sizeof buf, "%2$s&%1$s", "sslmode=require", DATABASE_LINK);

  // Valid: atomic parts, the fixed code, a '?' in a printed argument.
  snprintf(buf, sizeof buf, "postgresql://%s@%s:%d/db?sslmode=require", user, host, 5432);
  snprintf(buf, sizeof buf, "%s&connection_limit=%d", DATABASE_LINK, 5);
  snprintf(buf, sizeof buf, "%s%%?%d", "title", 5);
}

std::string braceFormat(const std::string &url, const std::string &user,
                        const std::string &host, int port) {
  std::string a = fmt::format("{}?connection_limit={}", DATABASE_LINK, 5);
  // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: query string appended with '?' to a URL that already contains a query ('...?schema=public')
  // CHECK-FIXES:  std::string a = fmt::format("{}&connection_limit={}", DATABASE_LINK, 5);
  std::string b = std::format("{1}?pool_timeout={0}", 10, DATABASE_LINK);
  // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: query string appended with '?' to a URL that already contains a query ('...?schema=public')
  // CHECK-FIXES:  std::string b = std::format("{1}&pool_timeout={0}", 10, DATABASE_LINK);
  std::string c = fmt::format("{}?sslmode=require", url);
  // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: query string appended with '?' to a URL that may already contain a query
  // A formatted base is tracked too.
  std::string base = fmt::format("postgresql://{}@{}:{}/db?schema=public", user, host, port);
  std::string d = base + "?connection_limit=5";
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: query string appended with '?' to a URL that already contains a query ('...?schema=public')
  // CHECK-FIXES:  std::string d = base + "&connection_limit=5";

  // Valid: a literal template over atomic parts (YSolowork), the fixed code.
  std::string e = std::format("postgres://{}:{}@{}:{}/{}?sslmode=disable", user, "pw", host, port, "db");
  std::string f = fmt::format("{}&connection_limit={}", DATABASE_LINK, 5);
  std::string g = fmt::format("{{}}?{}", 5);
  return a + b + c + d + e + f + g;
}

std::string strCat(const std::string &user, const std::string &host) {
  std::string a = absl::StrCat(DATABASE_LINK, "?connection_limit=5");
  // CHECK-MESSAGES: :[[@LINE-1]]:48: warning: query string appended with '?' to a URL that already contains a query ('...?schema=public')
  // CHECK-FIXES:  std::string a = absl::StrCat(DATABASE_LINK, "&connection_limit=5");
  std::string b = absl::StrCat(std::getenv("DATABASE_URL"), "?connection_limit=5");
  // CHECK-MESSAGES: :[[@LINE-1]]:62: warning: query string appended with '?' to a URL that may already contain a query
  std::string c = "postgresql://h/db?schema=public";
  absl::StrAppend(&c, "?connection_limit=5");
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: query string appended with '?' to a URL that already contains a query ('...?schema=public')
  // CHECK-FIXES:  absl::StrAppend(&c, "&connection_limit=5");

  // Valid: atomic parts, the fixed code.
  std::string d = absl::StrCat("postgresql://", user, "@", host, "/db", "?sslmode=require");
  std::string e = absl::StrCat(DATABASE_LINK, "&connection_limit=5");
  return a + b + c + d + e;
}
