// RUN: %check_tidy %s poolguard-dsn-query-append %t

#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

// The incident: DATABASE_LINK already carried ?schema=public.
const std::string DATABASE_LINK = "postgresql://u:p@h:5432/db?schema=public";

std::string incident() {
  return DATABASE_LINK + "?connection_limit=5";
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: query string appended with '?' to a URL that already contains a query ('...?schema=public'); the result has two '?' and libpq refuses the URL ('extra key/value separator "=" in URI query parameter: "schema"'); use '&' to add a parameter [poolguard-dsn-query-append]
  // CHECK-FIXES:  return DATABASE_LINK + "&connection_limit=5";
}

std::string incidentFromEnv() {
  return std::string(std::getenv("DATABASE_URL")) + "?connection_limit=5";
  // CHECK-MESSAGES: :[[@LINE-1]]:54: warning: query string appended with '?' to a URL that may already contain a query; check for an existing '?' and use '&' when there is one [poolguard-dsn-query-append]
}

// Bases whose value the check tracks.
#define DSN_WITH_QUERY "postgresql://h/db?schema=public"
constexpr const char *kConstexprDsn = "mysql://h/db?ssl-mode=REQUIRED";
const std::string_view kViewDsn = "redis://h:6379/0?keep_alive=true";

std::string fromMacro() {
  return std::string(DSN_WITH_QUERY) + "?connection_limit=5";
  // CHECK-MESSAGES: :[[@LINE-1]]:41: warning: query string appended with '?' to a URL that already contains a query ('...?schema=public')
  // CHECK-FIXES:  return std::string(DSN_WITH_QUERY) + "&connection_limit=5";
}

std::string fromConstexpr() {
  return std::string(kConstexprDsn) + "?connect_timeout=10";
  // CHECK-MESSAGES: :[[@LINE-1]]:40: warning: query string appended with '?' to a URL that already contains a query ('...?ssl-mode=REQUIRED')
  // CHECK-FIXES:  return std::string(kConstexprDsn) + "&connect_timeout=10";
}

std::string fromStringView() {
  return std::string(kViewDsn) + "?pool_size=3";
  // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: query string appended with '?' to a URL that already contains a query ('...?keep_alive=true')
  // CHECK-FIXES:  return std::string(kViewDsn) + "&pool_size=3";
}

std::string plusAssign() {
  std::string url = "postgresql://h/db";
  url += "?sslmode=require";
  url += "?connection_limit=5";
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: query string appended with '?' to a URL that already contains a query ('...?sslmode=require')
  // CHECK-FIXES:  url += "&connection_limit=5";
  return url;
}

std::string appendCall() {
  std::string url(DATABASE_LINK);
  url.append("?pool_timeout=10");
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: query string appended with '?' to a URL that already contains a query ('...?schema=public')
  // CHECK-FIXES:  url.append("&pool_timeout=10");
  return url;
}

std::string chainedAppend() {
  std::string url;
  url.append("postgresql://h/db").append("?schema=public").append("?connection_limit=5");
  // CHECK-MESSAGES: :[[@LINE-1]]:68: warning: query string appended with '?' to a URL that already contains a query ('...?schema=public')
  // CHECK-FIXES:  url.append("postgresql://h/db").append("?schema=public").append("&connection_limit=5");
  return url;
}

std::string assignedLater() {
  std::string url = "postgresql://h/db";
  url = DATABASE_LINK;
  return url + "?connection_limit=5";
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: query string appended with '?' to a URL that already contains a query ('...?schema=public')
  // CHECK-FIXES:  return url + "&connection_limit=5";
}

std::string selfAssigned() {
  std::string url = "postgresql://h/db?schema=public";
  url = url + "&sslmode=require";
  url = "" + url;
  url += "?connection_limit=5";
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: query string appended with '?' to a URL that already contains a query ('...?schema=public&sslmode=require')
  // CHECK-FIXES:  url += "&connection_limit=5";
  return url;
}

std::string copiedLocal() {
  const std::string base = DATABASE_LINK;
  std::string url = base;
  return url + "?connection_limit=5";
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: query string appended with '?' to a URL that already contains a query ('...?schema=public')
  // CHECK-FIXES:  return url + "&connection_limit=5";
}

std::string rawLiteral() {
  return DATABASE_LINK + R"(?connection_limit=5)";
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: query string appended with '?' to a URL that already contains a query ('...?schema=public')
  // CHECK-FIXES:  return DATABASE_LINK + R"(&connection_limit=5)";
}

std::string characterLiteral() {
  std::string a = DATABASE_LINK + '?' + "connection_limit=5";
  // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: query string appended with '?' to a URL that already contains a query ('...?schema=public')
  // CHECK-FIXES:  std::string a = DATABASE_LINK + '&' + "connection_limit=5";
  std::string b = DATABASE_LINK;
  b += '?';
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: query string appended with '?' to a URL that already contains a query ('...?schema=public')
  // CHECK-FIXES:  b += '&';
  b += "pool_timeout=10";
  std::string c = DATABASE_LINK;
  c.push_back('?');
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: query string appended with '?' to a URL that already contains a query ('...?schema=public')
  // CHECK-FIXES:  c.push_back('&');
  c += "pool_timeout=10";
  return a + b + c;
}

#define QUERY "?connection_limit=5"
// CHECK-FIXES:#define QUERY "?connection_limit=5"
#define PATH "/db"
std::string literalInMacro() {
  // No fix-it inside a macro.
  std::string a = DATABASE_LINK + QUERY;
  // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: query string appended with '?' to a URL that already contains a query ('...?schema=public')
  // CHECK-FIXES:  std::string a = DATABASE_LINK + QUERY;
  std::string b = std::string("postgresql://h") + PATH "?schema=public" "?connection_limit=5";
  // CHECK-MESSAGES: :[[@LINE-1]]:51: warning: query string has a second '?' ('...?schema=public?connection_limit=5')
  // CHECK-FIXES:  std::string b = std::string("postgresql://h") + PATH "?schema=public" "?connection_limit=5";
  return a + b;
}

// A single literal with two '?' in its query.
const char *const kTwoMarks = "postgresql://h/db?schema=public?connection_limit=5";
// CHECK-MESSAGES: :[[@LINE-1]]:63: warning: query string has a second '?' ('...?schema=public?connection_limit=5'); libpq refuses the URL ('extra key/value separator "=" in URI query parameter: "schema"'); use '&' to separate parameters
// CHECK-FIXES:const char *const kTwoMarks = "postgresql://h/db?schema=public&connection_limit=5";

// What libpq does decides the message (test/pg/dsn-libpq.test measures it):
// a last parameter without a value swallows the added name, and an added
// parameter without '=' is read into the previous value, so libpq does not
// refuse it; another scheme is not libpq's.
const char *const kFlag = "postgresql://h/db?ssl?connect_timeout=5";
// CHECK-MESSAGES: :[[@LINE-1]]:49: warning: query string has a second '?' ('...?ssl?connect_timeout=5'); libpq refuses the URL ('invalid URI query parameter: "ssl?connect_timeout"'); use '&' to separate parameters
// CHECK-FIXES:const char *const kFlag = "postgresql://h/db?ssl&connect_timeout=5";
const char *const kNoValue = "postgresql://h/db?schema=public?debug";
// CHECK-MESSAGES: :[[@LINE-1]]:62: warning: query string has a second '?' ('...?schema=public?debug'); the driver misreads the parameters; use '&' to separate parameters
// CHECK-FIXES:const char *const kNoValue = "postgresql://h/db?schema=public&debug";
const char *const kMysql = "mysql://h/db?ssl-mode=REQUIRED?connect-timeout=5";
// CHECK-MESSAGES: :[[@LINE-1]]:59: warning: query string has a second '?' ('...?ssl-mode=REQUIRED?connect-timeout=5'); the driver misreads the parameters; use '&' to separate parameters
// CHECK-FIXES:const char *const kMysql = "mysql://h/db?ssl-mode=REQUIRED&connect-timeout=5";

// Bases that may already carry a query, and are DSN-like.
std::string fromParameter(const std::string &url) {
  // DSN-like by its parameter name.
  return url + "?sslmode=require";
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: query string appended with '?' to a URL that may already contain a query
}

std::string fromDsnNamedParameter(const std::string &dsn) {
  return dsn + "?x=1";
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: query string appended with '?' to a URL that may already contain a query
}

struct Config {
  std::string dbConnectionString;
  std::string title;
  std::string databaseUrl() const;
};

std::string fromMember(const Config &config) {
  return config.dbConnectionString + "?x=1";
  // CHECK-MESSAGES: :[[@LINE-1]]:39: warning: query string appended with '?' to a URL that may already contain a query
}

std::string fromUnseenFunction(const Config &config) {
  return config.databaseUrl() + "?x=1";
  // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: query string appended with '?' to a URL that may already contain a query
}

std::string getRedisUrlFromYaml();
std::string fromUnseenFunctionWithDbParameters() {
  return getRedisUrlFromYaml() + "?keep_alive=true&pool_size=3&connect_timeout=500ms";
  // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: query string appended with '?' to a URL that may already contain a query
}

std::string maybeFromBranch(bool tls) {
  std::string url = "postgresql://h/db";
  if (tls)
    url += "?sslmode=require";
  url += "?connection_limit=5";
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: query string appended with '?' to a URL that may already contain a query
  return url;
}

std::string envWithFallback() {
  const char *env = std::getenv("DATABASE_URL");
  std::string url = env ? env : "postgresql://localhost/db";
  return url + "?connection_limit=5";
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: query string appended with '?' to a URL that may already contain a query
}

void modify(std::string &s);
std::string modifiedByCall() {
  std::string url = "postgresql://h/db";
  modify(url);
  return url + "?x=1";
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: query string appended with '?' to a URL that may already contain a query
}

void read(const std::string &s);
std::string readByCall() {
  std::string url = "postgresql://h/db";
  read(url);
  return url + "?x=1";
}

// A function whose body is visible is evaluated.
std::string visibleWithQuery() { return "postgresql://h/db?schema=public"; }
std::string visibleWithLambda() {
  auto Inner = [] { return std::string("postgresql://h/db?schema=public"); };
  (void)Inner;
  return "postgresql://h/db";
}
std::string fromVisibleFunction() {
  std::string NoQuery = visibleWithLambda() + "?connection_limit=5";
  (void)NoQuery;
  return visibleWithQuery() + "?connection_limit=5";
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: query string appended with '?' to a URL that already contains a query ('...?schema=public')
  // CHECK-FIXES:  return visibleWithQuery() + "&connection_limit=5";
}

void Valid(const std::string &user, const std::string &pass,
           const std::string &host, const std::string &db, int port,
           const std::string &title, const Config &config) {
  // The fixed code.
  std::string a = DATABASE_LINK + "&connection_limit=5";
  std::string a2 = std::string(kConstexprDsn) + "&connect_timeout=10";
  std::string a3 = std::string(kViewDsn) + "&pool_size=3";
  std::string a4 = "postgresql://h/db";
  a4 += "?sslmode=require";
  a4 += "&connection_limit=5";
  a4.append("&pool_timeout=10");
  a4 += '&';
  a4.push_back('&');
  a4 = a4 + '&' + "x=1";
  const char *a5 = "postgresql://h/db?schema=public&connection_limit=5";
  (void)a2; (void)a3; (void)a5;
  // A base known to have no query, built from atomic parts.
  std::string b = "postgresql://" + user + ":" + pass + "@" + host + ":" +
                  std::to_string(port) + "/" + db + "?sslmode=require";
  std::string c = std::string("postgresql://h/db") + "?schema=public";
  // One literal with a well-formed query.
  const char *d = "postgresql://h/db?schema=public&connection_limit=5";
  // libpq keyword DSNs and cppdb/Poco ';' strings are not URLs.
  std::string e = std::string("host=h dbname=db") + " sslmode=require";
  std::string f = std::string("postgresql:dbname=db") + ";@pool_size=10";
  // Not DSN-like: no database scheme, parameter or name.
  std::string g = title + "?page=2";
  std::string h = config.title + "?lang=en";
  // Not a query: '?' in prose or SQL placeholders.
  std::string i = title + "? (y/n)";
  const char *j = "SELECT a FROM t WHERE x = ? AND y = ?";
  std::string k = std::string("Is it ready?") + "?";
  (void)a; (void)b; (void)c; (void)d; (void)e; (void)f; (void)g; (void)h;
  (void)i; (void)j; (void)k;
}

// A public mysqlx::Session URI builder: the query follows atomic parts.
struct SessionFactory {
  std::string db_name_;
  std::string uri(const std::string &user, const std::string &pass,
                  const std::string &hostport, const std::string &mode) const {
    return "mysqlx://" + user + ":" + pass + "@" + hostport + "/" + db_name_ +
           "?ssl-mode=" + mode;
  }
};

// The code checks for an existing '?' first.
std::string guardedByFind(const std::string &databaseUrl) {
  if (databaseUrl.find('?') == std::string::npos)
    return databaseUrl + "?connection_limit=5";
  return databaseUrl + "&connection_limit=5";
}

std::string guardedEarlyReturn(std::string dsn) {
  if (dsn.find('?') != std::string::npos)
    return dsn + "&connection_limit=5";
  return dsn + "?connection_limit=5";
}

std::string guardedByContains(std::string dsn) {
  if (!dsn.contains('?'))
    dsn += "?connection_limit=5";
  return dsn;
}

std::string guardedByStrchr() {
  const char *env = std::getenv("DATABASE_URL");
  std::string url = env;
  if (!std::strchr(env, '?'))
    url += "?connection_limit=5";
  return url;
}

std::string guardedByLastCharacter(std::string dsn) {
  if (dsn.back() == '?')
    return dsn;
  return dsn + "?connection_limit=5";
}

std::string guardedBySeparator(std::string dsn) {
  dsn += dsn.find('?') == std::string::npos ? "?" : "&";
  dsn += "connection_limit=5";
  return dsn;
}

std::string guardedKnown() {
  std::string url = DATABASE_LINK;
  if (url.find('?') == std::string::npos)
    url += "?connection_limit=5";
  return url;
}

std::string reassignedWithoutQuery() {
  std::string url = DATABASE_LINK;
  url = "postgresql://h/db";
  return url + "?connection_limit=5";
}

std::string otherBranch(bool tls) {
  std::string url = "postgresql://h/db";
  if (tls) {
    url += "?sslmode=require";
  } else {
    url += "?connection_limit=5";
  }
  return url;
}

template <typename T> std::string inTemplate(T t) {
  return std::string("postgresql://h/db") + "?schema=public";
}
template std::string inTemplate<int>(int);

// Reported once, in the template, not per instantiation.
template <typename T> std::string templateWithQuery(T t) {
  return DATABASE_LINK + "?connection_limit=5";
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: query string appended with '?' to a URL that already contains a query ('...?schema=public')
  // CHECK-FIXES:  return DATABASE_LINK + "&connection_limit=5";
}
template std::string templateWithQuery<int>(int);
template std::string templateWithQuery<long>(long);

std::string inLambda(const std::string &databaseUrl) {
  auto WithLimit = [&](int N) {
    return databaseUrl + "?connection_limit=" + std::to_string(N);
    // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: query string appended with '?' to a URL that may already contain a query
  };
  auto Guarded = [&](int N) {
    const char *Sep = databaseUrl.find('?') == std::string::npos ? "?" : "&";
    return databaseUrl + Sep + "connection_limit=" + std::to_string(N);
  };
  return WithLimit(5) + Guarded(5);
}
