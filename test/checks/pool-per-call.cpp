// RUN: %check_tidy %s poolguard-pool-per-call %t
// RUN: %clang_tidy --load=%plugin --checks='-*,poolguard-pool-per-call' %s -- -std=c++17 -nostdinc++ -isystem %headers -DFIXED 2>&1 | %FileCheck %s --check-prefix=FIXED --allow-empty --implicit-check-not='{{warning|error}}:'

// A pool (or a connection) created in code that runs again and again opens
// new connections on every run: request handlers (known from the models),
// loop bodies, thread functions.

#include <drogon/drogon.h>
#include <libpq-fe.h>
#include <soci/soci.h>
#include <userver/server/handlers/http_handler_base.hpp>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

bool nextJob();

#ifndef FIXED
// A Drogon controller: drogon calls its methods once per request.
class UserCtrl : public drogon::HttpController<UserCtrl> {
public:
  void getUser(const drogon::HttpRequestPtr &req,
               std::function<void(const drogon::HttpResponsePtr &)> &&callback) {
    auto client = drogon::orm::DbClient::newPgClient("host=pg.internal dbname=users", 4);
    // CHECK-NOTES: :[[@LINE-1]]:19: warning: 'drogon::orm::DbClient::newPgClient' opens new database connections to 'host=pg.internal dbname=users' in a Drogon controller, once per request, on every run; create the pool once (a member or a component) and reuse it [poolguard-pool-per-call]
  }
};

// A handler registered with a lambda.
void registerRoutes() {
  drogon::app().registerHandler(
      "/orders", [](const drogon::HttpRequestPtr &req,
                    std::function<void(const drogon::HttpResponsePtr &)> &&callback) {
        soci::connection_pool pool(2);
        // CHECK-NOTES: :[[@LINE-1]]:31: warning: 'soci::connection_pool' opens new database connections in a Drogon handler registered with registerHandler, once per request, on every run; create the pool once (a member or a component) and reuse it [poolguard-pool-per-call]
      });
}

// A userver handler: HandleRequestThrow runs once per request.
class Ping final : public userver::server::handlers::HttpHandlerBase {
public:
  using HttpHandlerBase::HttpHandlerBase;
  std::string HandleRequestThrow(const userver::server::http::HttpRequest &,
                                 userver::server::request::RequestContext &) const override {
    PGconn *Conn = PQconnectdb(std::getenv("DATABASE_URL"));
    // CHECK-NOTES: :[[@LINE-1]]:20: warning: 'PQconnectdb' opens new database connections to '$DATABASE_URL' in a userver HTTP handler, once per request, on every run; create the pool once (a member or a component) and reuse it [poolguard-pool-per-call]
    PQfinish(Conn);
    return "pong";
  }
};

// A loop body and a thread's function.
void runJobs() {
  while (nextJob()) {
    soci::connection_pool pool(4);
    // CHECK-NOTES: :[[@LINE-1]]:27: warning: 'soci::connection_pool' opens new database connections in a loop body, on every run; create the pool once (a member or a component) and reuse it [poolguard-pool-per-call]
  }
  std::thread worker([] {
    PGconn *Conn = PQconnectdb("host=pg.internal dbname=jobs");
    // CHECK-NOTES: :[[@LINE-1]]:20: warning: 'PQconnectdb' opens new database connections to 'host=pg.internal dbname=jobs' in a thread's function, once per thread started, on every run; create the pool once (a member or a component) and reuse it [poolguard-pool-per-call]
    PQfinish(Conn);
  });
  worker.join();
}
#else
// The fixes: the pool is made once and reused.
class JobPool {
public:
  // A constructor that fills a pool in a loop makes one pool of 8.
  JobPool() {
    for (int I = 0; I < 8; ++I)
      idle_.push_back(PQconnectdb("host=pg.internal dbname=jobs"));
  }
  // A static factory of a controller is not a handler.
private:
  std::vector<PGconn *> idle_;
};

class UserCtrl : public drogon::HttpController<UserCtrl> {
public:
  static drogon::orm::DbClientPtr makeClient() {
    return drogon::orm::DbClient::newPgClient("host=pg.internal dbname=users", 4);
  }
  void getUser(const drogon::HttpRequestPtr &req,
               std::function<void(const drogon::HttpResponsePtr &)> &&callback) {
    auto client = drogon::app().getDbClient();
  }
};

void runJobs(JobPool &pool) {
  while (nextJob()) {
  }
}

// One-shot functions and tests: a local pool is created once.
void migrate() { soci::connection_pool pool(1); }
void TestOrdersStore() { soci::connection_pool pool(2); }

int main() {
  JobPool pool;
  runJobs(pool);
  migrate();
}
// FIXED-NOT: warning:
#endif
