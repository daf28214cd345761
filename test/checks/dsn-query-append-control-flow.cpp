// RUN: %check_tidy %s poolguard-dsn-query-append %t

// Control flow, not source order: a '?' probe whose branch returns guards
// the append after it, and an append in a branch that returns does not reach
// the appends after the branch (clang's CFG).

#include <cstring>
#include <string>

// The guard is an early return on a probe of the string the URL is built
// from, or of the URL itself.
std::string withTimeout(const char *raw) {
  std::string url = raw;
  if (std::strchr(raw, '?'))
    return url + "&connect_timeout=5";
  return url + "?connect_timeout=5";
}

std::string withTimeoutFind(const char *raw) {
  std::string url(raw);
  if (url.find('?') != std::string::npos)
    return url + "&connect_timeout=5";
  return url + "?connect_timeout=5";
}

// The probe guards the string it looks at and its copies, not a string
// built from it with a query of its own.
std::string withSslMode(const std::string &base) {
  if (base.find('?') != std::string::npos)
    return base + "&sslmode=require";
  std::string withQuery = base + "?sslmode=require";
  return withQuery + "?application_name=api";
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: query string appended with '?' to a URL that already contains a query ('...?sslmode=require'); the result has two '?' and the driver misreads the parameters; use '&' to add a parameter [poolguard-dsn-query-append]
  // CHECK-FIXES:  return withQuery + "&application_name=api";
}

// The probe looks at another string: no guard.
std::string probesAnotherString(const char *raw, const char *other) {
  std::string url = raw;
  if (std::strchr(other, '?'))
    return url + "&connect_timeout=5";
  return url + "?connect_timeout=5";
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: query string appended with '?' to a URL that may already contain a query; check for an existing '?' and use '&' when there is one [poolguard-dsn-query-append]
}

// The first append is in a branch that returns: the second URL never has it.
std::string sslOrTimeout(bool tls) {
  std::string url = "postgresql://h/db";
  if (tls) {
    url += "?sslmode=require";
    return url;
  }
  url += "?connect_timeout=5";
  return url;
}

// The same branch falls through: both appends can run, one after the other.
std::string sslThenTimeout(bool tls) {
  std::string url = "postgresql://h/db";
  if (tls) {
    url += "?sslmode=require";
  }
  url += "?connect_timeout=5";
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: query string appended with '?' to a URL that may already contain a query
  return url;
}

// A loop whose body returns after its append: the append after the loop
// sees the URL only when the body did not run to its return.
std::string firstReplica(const char *const *hosts, int n) {
  std::string url = "postgresql://h/db";
  for (int i = 0; i < n; ++i) {
    url += "?host=";
    url += hosts[i];
    return url;
  }
  url += "?connect_timeout=5";
  return url;
}
