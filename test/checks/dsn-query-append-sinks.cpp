// RUN: %check_tidy -check-suffix=DEFAULT %s poolguard-dsn-query-append %t
// RUN: %check_tidy -check-suffix=CUSTOM %s poolguard-dsn-query-append %t -- \
// RUN:   -config="{CheckOptions: {poolguard-dsn-query-append.SinkFunctions: '::myco::Pool;::myco::openPool'}}"
// RUN: %clang_tidy --load=%plugin --checks='-*,poolguard-dsn-query-append' --dump-config \
// RUN:   | %FileCheck %s -check-prefix=DUMP
// DUMP: poolguard-dsn-query-append.SinkFunctions: '::drogon::orm::DbClient::newPgClient;

// Neither the names nor the parameters below are DSN-like: only the API the
// string flows into makes it a DSN.

#include <drogon/orm/DbClient.h>
#include <memory>
#include <string>
#include <sw/redis++/redis++.h>
#include <tao/pq.hpp>

namespace myco {
class Pool {
public:
  explicit Pool(const std::string &uri);
};
std::shared_ptr<Pool> openPool(const char *uri);
} // namespace myco

std::string endpoint();

void sinks() {
  // A public ROS2 package: GetReidsUrl() + "?..." into sw::redis::Redis.
  auto a = std::make_unique<sw::redis::Redis>(endpoint() + "?timeout=5");
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:61: warning: query string appended with '?' to a URL that may already contain a query; check for an existing '?' and use '&' when there is one [poolguard-dsn-query-append]
  sw::redis::Redis b(endpoint() + "?timeout=5");
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:36: warning: query string appended with '?' to a URL that may already contain a query
  std::string info = endpoint() + "?timeout=5";
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:36: warning: query string appended with '?' to a URL that may already contain a query
  auto c = drogon::orm::DbClient::newPgClient(info, 4);
  std::string pq = endpoint();
  pq += "?timeout=5";
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:10: warning: query string appended with '?' to a URL that may already contain a query
  auto d = tao::pq::connection_pool::create(pq);
  auto *r = new sw::redis::Redis(endpoint() + "?timeout=5");
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:48: warning: query string appended with '?' to a URL that may already contain a query

  // The option replaces the list.
  myco::Pool e(endpoint() + "?timeout=5");
  // CHECK-MESSAGES-CUSTOM: :[[@LINE-1]]:30: warning: query string appended with '?' to a URL that may already contain a query
  auto f = myco::openPool((endpoint() + "?timeout=5").c_str());
  // CHECK-MESSAGES-CUSTOM: :[[@LINE-1]]:42: warning: query string appended with '?' to a URL that may already contain a query
}

void Valid() {
  // Not passed to a sink.
  std::string g = endpoint() + "?timeout=5";
  // The fixed code.
  sw::redis::Redis h(endpoint() + "&timeout=5");
  (void)g;
}
