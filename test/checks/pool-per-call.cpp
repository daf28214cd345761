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
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
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

// A loop body, and a thread's function where threads start per job.
void runJobs() {
  while (nextJob()) {
    soci::connection_pool pool(4);
    // CHECK-NOTES: :[[@LINE-1]]:27: warning: 'soci::connection_pool' opens new database connections in a loop body, on every run; create the pool once (a member or a component) and reuse it [poolguard-pool-per-call]
  }
  while (nextJob()) {
    std::thread worker([] {
      PGconn *Conn = PQconnectdb("host=pg.internal dbname=jobs");
      // CHECK-NOTES: :[[@LINE-1]]:22: warning: 'PQconnectdb' opens new database connections to 'host=pg.internal dbname=jobs' in a thread's function, once per thread started, on every run; create the pool once (a member or a component) and reuse it [poolguard-pool-per-call]
      PQfinish(Conn);
    });
    worker.join();
  }
}

// A thread started once that connects in its own loop: a connection per
// iteration.
void startPoller() {
  std::thread poller([] {
    while (nextJob()) {
      PGconn *Conn = PQconnectdb("host=pg.internal dbname=jobs");
      // CHECK-NOTES: :[[@LINE-1]]:22: warning: 'PQconnectdb' opens new database connections to 'host=pg.internal dbname=jobs' in a loop body, on every run; create the pool once (a member or a component) and reuse it [poolguard-pool-per-call]
      PQfinish(Conn);
    }
  });
  poller.detach();
}

// A loop that drops what it makes: each iteration replaces the one pool
// (the previous one is destroyed), or fills a vector that lives for one job.
void reconnectEachJob(soci::connection_pool *&Current) {
  while (nextJob()) {
    Current = new soci::connection_pool(4);
    // CHECK-NOTES: :[[@LINE-1]]:19: warning: 'soci::connection_pool' opens new database connections in a loop body, on every run; create the pool once (a member or a component) and reuse it [poolguard-pool-per-call]
  }
}
void connectionsPerJob() {
  while (nextJob()) {
    std::vector<PGconn *> Conns;
    for (int I = 0; I < 4; ++I)
      Conns.push_back(PQconnectdb("host=pg.internal dbname=jobs"));
    // CHECK-NOTES: :[[@LINE-1]]:23: warning: 'PQconnectdb' opens new database connections to 'host=pg.internal dbname=jobs' in a loop body, on every run; create the pool once (a member or a component) and reuse it [poolguard-pool-per-call]
  }
}

// A helper a handler calls, and not the constructor, runs per request.
class AuditCtrl : public drogon::HttpController<AuditCtrl> {
public:
  AuditCtrl() {}
  void getAudit(const drogon::HttpRequestPtr &req,
                std::function<void(const drogon::HttpResponsePtr &)> &&callback) {
    connect();
  }

private:
  void connect() {
    client_ = drogon::orm::DbClient::newPgClient("host=pg.internal dbname=audit", 4);
    // CHECK-NOTES: :[[@LINE-1]]:15: warning: 'drogon::orm::DbClient::newPgClient' opens new database connections to 'host=pg.internal dbname=audit' in a Drogon controller, once per request, on every run; create the pool once (a member or a component) and reuse it [poolguard-pool-per-call]
  }
  drogon::orm::DbClientPtr client_;
};

// A lambda a static variable holds runs at every call: the static is made
// once, not what the lambda makes.
class OrderCtrl : public drogon::HttpController<OrderCtrl> {
public:
  void getOrder(const drogon::HttpRequestPtr &req,
                std::function<void(const drogon::HttpResponsePtr &)> &&callback) {
    static auto Connect = [] { return PQconnectdb("host=pg.internal dbname=orders"); };
    // CHECK-NOTES: :[[@LINE-1]]:39: warning: 'PQconnectdb' opens new database connections to 'host=pg.internal dbname=orders' in a Drogon controller, once per request, on every run; create the pool once (a member or a component) and reuse it [poolguard-pool-per-call]
    PQfinish(Connect());
  }
};

// A retry inside a loop over jobs: the retry stops, the job loop does not,
// so each job connects again.
void connectPerJobWithRetry() {
  while (nextJob()) {
    PGconn *Conn = nullptr;
    for (int Attempt = 0; Attempt < 3; ++Attempt) {
      Conn = PQconnectdb("host=pg.internal dbname=jobs");
      // CHECK-NOTES: :[[@LINE-1]]:14: warning: 'PQconnectdb' opens new database connections to 'host=pg.internal dbname=jobs' in a loop body, on every run; create the pool once (a member or a component) and reuse it [poolguard-pool-per-call]
      if (PQstatus(Conn) == CONNECTION_OK)
        break;
    }
    PQfinish(Conn);
  }
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

// A loop that keeps what it makes makes one per element, once: a pool per
// shard, or the connections of a hand-written pool that grows.
struct Shard {
  std::string Url;
  PGconn *Conn;
};
void connectShards(std::vector<Shard> &Shards) {
  for (Shard &S : Shards)
    S.Conn = PQconnectdb(S.Url.c_str());
}
std::vector<soci::connection_pool *> openPools(int Count) {
  std::vector<soci::connection_pool *> Pools;
  for (int I = 0; I < Count; ++I)
    Pools.push_back(new soci::connection_pool(4));
  return Pools;
}
std::map<std::string, PGconn *> connectAll(const std::vector<std::string> &Urls) {
  std::map<std::string, PGconn *> ByUrl;
  for (const std::string &Url : Urls) {
    PGconn *Conn = PQconnectdb(Url.c_str());
    ByUrl.emplace(Url, Conn);
  }
  for (const std::string &Url : Urls)
    ByUrl[Url] = PQconnectdb(Url.c_str());
  for (const std::string &Url : Urls)
    ByUrl.insert(std::make_pair(Url, PQconnectdb(Url.c_str())));
  return ByUrl;
}
class GrowingPool {
public:
  void grow(int By) {
    for (int I = 0; I < By; ++I)
      idle_.push_back(PQconnectdb("host=pg.internal dbname=jobs"));
    for (int I = 0; I < 2; ++I)
      spare_[I] = PQconnectdb("host=pg.internal dbname=jobs");
  }
private:
  std::vector<PGconn *> idle_;
  PGconn *spare_[2];
};

// A retry at start-up: the loop stops once the connection or pool works
// (its condition reads it, an `if` on it leaves the loop, it is returned,
// or the loop is left from a `try` block).
PGconn *connectWithRetry(const char *Dsn) {
  PGconn *Conn = nullptr;
  for (int Attempt = 0; Attempt < 5; ++Attempt) {
    Conn = PQconnectdb(Dsn);
    if (PQstatus(Conn) == CONNECTION_OK)
      break;
    PQfinish(Conn);
  }
  return Conn;
}
PGconn *waitForDatabase(const char *Dsn) {
  for (;;) {
    PGconn *Conn = PQconnectdb(Dsn);
    if (PQstatus(Conn) != CONNECTION_OK) {
      PQfinish(Conn);
      continue;
    }
    return Conn;
  }
}
soci::connection_pool *openPoolWhenReady() {
  soci::connection_pool *Pool = nullptr;
  while (!Pool) {
    try {
      Pool = new soci::connection_pool(4);
    } catch (...) {
    }
  }
  return Pool;
}
void openPoolOrRetry(soci::connection_pool *&Out) {
  for (;;) {
    try {
      Out = new soci::connection_pool(4);
      break;
    } catch (...) {
    }
  }
}

// A controller's helper that its constructor calls builds the controller,
// once; it handles no request.
class ReportCtrl : public drogon::HttpController<ReportCtrl> {
public:
  ReportCtrl() { connect(); }
  void getReport(const drogon::HttpRequestPtr &req,
                 std::function<void(const drogon::HttpResponsePtr &)> &&callback) {
  }

private:
  void connect() {
    client_ = drogon::orm::DbClient::newPgClient("host=pg.internal dbname=reports", 4);
  }
  drogon::orm::DbClientPtr client_;
};

// A static local is made on the first request, a thread_local one once per
// thread: neither once per request.
class OrderCtrl : public drogon::HttpController<OrderCtrl> {
public:
  void getOrder(const drogon::HttpRequestPtr &req,
                std::function<void(const drogon::HttpResponsePtr &)> &&callback) {
    static auto Client = drogon::orm::DbClient::newPgClient("host=pg.internal dbname=orders", 4);
    static PGconn *Conn = PQconnectdb("host=pg.internal dbname=orders");
    thread_local PGconn *PerThread = PQconnectdb("host=pg.internal dbname=orders");
    static PGconn *Checked = [] {
      PGconn *C = PQconnectdb("host=pg.internal dbname=orders");
      return C;
    }();
  }
};

// std::call_once runs its function once, on the first request (the models'
// "once").
class StockCtrl : public drogon::HttpController<StockCtrl> {
public:
  void getStock(const drogon::HttpRequestPtr &req,
                std::function<void(const drogon::HttpResponsePtr &)> &&callback) {
    std::call_once(Once, [this] { Conn = PQconnectdb("host=pg.internal dbname=stock"); });
  }

private:
  std::once_flag Once;
  PGconn *Conn = nullptr;
};

// Worker threads started once, each with the connection it keeps for its
// life: one connection per thread, not one per job.
void startWorkers(std::vector<std::thread> &Workers) {
  std::thread Listener([] {
    PGconn *Conn = PQconnectdb("host=pg.internal dbname=jobs");
    while (nextJob()) {
    }
    PQfinish(Conn);
  });
  Listener.detach();
  for (int I = 0; I < 4; ++I)
    Workers.push_back(std::thread([] {
      PGconn *Conn = PQconnectdb("host=pg.internal dbname=jobs");
      while (nextJob()) {
      }
      PQfinish(Conn);
    }));
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
