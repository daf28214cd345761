// RUN: %check_tidy %s poolguard-dsn-query-append %t

#include <cstdlib>
#include <string>

#define DATABASE_LINK "postgresql://u:p@h:5432/db?schema=public"

std::string incident() {
  return std::string(DATABASE_LINK) + "?connection_limit=5";
  // CHECK-NOTES: :[[@LINE-1]]:40: warning: query string appended with '?' to a URL that already contains a query ('...?schema=public'); the result has two '?' and libpq refuses the URL ('extra key/value separator "=" in URI query parameter: "schema"'); use '&' to add a parameter [poolguard-dsn-query-append]
  // CHECK-NOTES: :[[@LINE-2]]:40: note: FIX-IT applied suggested code changes
  // CHECK-NOTES: :[[@LINE-6]]:23: note: base URL defined here
  // CHECK-FIXES:  return std::string(DATABASE_LINK) + "&connection_limit=5";
}

std::string fromEnv() {
  std::string databaseUrl = std::getenv("DATABASE_URL");
  return databaseUrl + "?connection_limit=5";
  // CHECK-NOTES: :[[@LINE-1]]:25: warning: query string appended with '?' to a URL that may already contain a query; check for an existing '?' and use '&' when there is one [poolguard-dsn-query-append]
  // CHECK-NOTES: :[[@LINE-3]]:29: note: base URL comes from environment variable 'DATABASE_URL'
  // CHECK-NOTES: :[[@LINE-3]]:25: note: choose the separator with 'databaseUrl.find('?') == std::string::npos ? "?" : "&"'
}

std::string fromCharPointer() {
  const char *dsn = std::getenv("PG_DSN");
  return std::string(dsn) + "?connection_limit=5";
  // CHECK-NOTES: :[[@LINE-1]]:30: warning: query string appended with '?' to a URL that may already contain a query
  // CHECK-NOTES: :[[@LINE-3]]:21: note: base URL comes from environment variable 'PG_DSN'
  // CHECK-NOTES: :[[@LINE-3]]:30: note: choose the separator with 'std::strchr(dsn, '?') ? "&" : "?"'
}

std::string fromParameter(const std::string &connectionString) {
  return connectionString + "?sslmode=require";
  // CHECK-NOTES: :[[@LINE-1]]:30: warning: query string appended with '?' to a URL that may already contain a query
  // CHECK-NOTES: :[[@LINE-3]]:46: note: base URL comes from parameter 'connectionString'
  // CHECK-NOTES: :[[@LINE-3]]:30: note: choose the separator with 'connectionString.find('?') == std::string::npos ? "?" : "&"'
}

struct Settings {
  std::string databaseUrl;
  std::string redisUrl() const;
};

std::string fromMember(const Settings &settings) {
  return settings.databaseUrl + "?pool_timeout=10";
  // CHECK-NOTES: :[[@LINE-1]]:34: warning: query string appended with '?' to a URL that may already contain a query
  // CHECK-NOTES: :[[@LINE-2]]:19: note: base URL comes from member 'databaseUrl'
  // CHECK-NOTES: :[[@LINE-3]]:34: note: choose the separator with 'settings.databaseUrl.find('?') == std::string::npos ? "?" : "&"'
}

std::string fromCall(const Settings &settings) {
  return settings.redisUrl() + "?keep_alive=true";
  // CHECK-NOTES: :[[@LINE-1]]:33: warning: query string appended with '?' to a URL that may already contain a query
  // CHECK-NOTES: :[[@LINE-2]]:10: note: base URL comes from a call to 'redisUrl'
  // CHECK-NOTES: :[[@LINE-3]]:33: note: choose the separator with 'url.find('?') == std::string::npos ? "?" : "&"'
}

std::string fromJoin(bool tls) {
  std::string url = "postgresql://h/db";
  if (tls)
    url += "?sslmode=require";
  url += "?connection_limit=5";
  // CHECK-NOTES: :[[@LINE-1]]:11: warning: query string appended with '?' to a URL that may already contain a query
  // CHECK-NOTES: :[[@LINE-3]]:12: note: a query is added here on some paths
  // CHECK-NOTES: :[[@LINE-3]]:11: note: choose the separator with 'url.find('?') == std::string::npos ? "?" : "&"'
  return url;
}
