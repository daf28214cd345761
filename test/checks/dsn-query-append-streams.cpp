// RUN: %check_tidy %s poolguard-dsn-query-append %t

#include <sstream>
#include <string>

const std::string kDsn = "mysqlx://root@localhost:33060/test?ssl-mode=DISABLED";

std::string stream() {
  std::ostringstream uri;
  uri << kDsn;
  uri << "?connect-timeout=10";
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: query string appended with '?' to a URL that already contains a query ('...?ssl-mode=DISABLED'); the result has two '?' and the driver misreads the parameters; use '&' to add a parameter [poolguard-dsn-query-append]
  // CHECK-FIXES:  uri << "&connect-timeout=10";
  return uri.str();
}

std::string streamChain(const std::string &user, const std::string &host) {
  std::stringstream uri;
  uri << "mysqlx://" << user << "@" << host << "/db?ssl-mode=REQUIRED" << "?connect-timeout=10";
  // CHECK-MESSAGES: :[[@LINE-1]]:76: warning: query string appended with '?' to a URL that already contains a query ('...?ssl-mode=REQUIRED')
  // CHECK-FIXES:  uri << "mysqlx://" << user << "@" << host << "/db?ssl-mode=REQUIRED" << "&connect-timeout=10";
  return uri.str();
}

// mysql/mysql-connector-cpp devapi tests: uri << "?ssl-mode=REQUIRED" on a
// URI read from the test environment.
std::string streamFromParameter(const std::string &baseUri) {
  std::stringstream uri;
  uri << baseUri;
  uri << "?ssl-mode=REQUIRED";
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: query string appended with '?' to a URL that may already contain a query; check for an existing '?' and use '&' when there is one
  return uri.str();
}

std::string streamSetByStr() {
  std::ostringstream uri;
  uri.str(kDsn);
  uri << "?connect-timeout=10";
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: query string appended with '?' to a URL that already contains a query ('...?ssl-mode=DISABLED')
  // CHECK-FIXES:  uri << "&connect-timeout=10";
  return uri.str();
}

void Valid(const std::string &user, const std::string &host,
           const std::string &title, std::ostream &log) {
  // The fixed code.
  std::ostringstream a;
  a << kDsn << "&connect-timeout=10";
  // Built from atomic parts: no query yet.
  std::ostringstream b;
  b << "mysqlx://" << user << "@" << host << ":" << 33060 << "/db";
  b << "?ssl-mode=REQUIRED";
  // Not DSN-like.
  std::ostringstream c;
  c << title << "?page=2";
  // Not a string stream: logging.
  log << kDsn << "?connect-timeout=10";
}
