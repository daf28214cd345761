// RUN: %check_tidy %s poolguard-pool-per-call %t
// RUN: %clang_tidy --load=%plugin --checks='-*,poolguard-pool-per-call' %s -- -std=c++17 -nostdinc++ -isystem %headers -DFIXED 2>&1 | %FileCheck %s --check-prefix=FIXED --allow-empty --implicit-check-not='{{warning|error}}:'

// Not only pools: an object that owns a pool, and an injector or container
// that makes such objects, built in code that runs again and again open new
// connections on every run too (issue 14 point 6).

#include <boost/di.hpp>
#include <drogon/drogon.h>
#include <fruit/fruit.h>
#include <Hypodermic/Hypodermic.h>
#include <kgr/kangaru.hpp>
#include <soci/soci.h>
#include <memory>
#include <string>

namespace di = boost::di;

bool nextJob();

class Database {
public:
  explicit Database(const std::string &url) : pool_(8) { (void)url; }

private:
  soci::connection_pool pool_;
};

// Holds its own Database: an owner through its member.
class UserRepository {
public:
  UserRepository() : db_("postgresql://pg/users") {}

private:
  Database db_;
};

fruit::Component<Database> getDatabaseComponent() {
  return fruit::createComponent().registerProvider(
      [] { return new Database("postgresql://pg/app"); });
}

struct DatabaseService : kgr::single_service<Database> {};

// Modules that make an injector, or fill a container builder, when called.
auto makeInjector() {
  return di::make_injector(di::bind<Database>.in(di::extension::shared));
}
void registerDatabase(Hypodermic::ContainerBuilder &builder) {
  builder.registerType<Database>().singleInstance();
}

#ifndef FIXED
// A pool owner made in a Drogon controller: a new pool per request.
class UserCtrl : public drogon::HttpController<UserCtrl> {
public:
  void getUser(const drogon::HttpRequestPtr &req,
               std::function<void(const drogon::HttpResponsePtr &)> &&cb) {
    Database db("postgresql://pg/users");
    // CHECK-NOTES: :[[@LINE-1]]:14: warning: 'Database' owns a connection pool and a new one is made in a Drogon controller, once per request, on every run; make it once (a member or a component) and reuse it [poolguard-pool-per-call]
    // CHECK-NOTES: :26:25: note: 'Database' owns a pool: member 'pool_' of type 'soci::connection_pool'
    auto repo = std::make_unique<UserRepository>();
    // CHECK-NOTES: :[[@LINE-1]]:17: warning: 'UserRepository' owns a connection pool and a new one is made in a Drogon controller, once per request, on every run; make it once (a member or a component) and reuse it [poolguard-pool-per-call]
    // CHECK-NOTES: :35:12: note: 'UserRepository' owns a pool: member 'db_' of type 'Database', which owns a pool: member 'pool_' of type 'soci::connection_pool'
  }
};

// A Fruit injector per request: each makes its own Database.
void registerRoutes() {
  drogon::app().registerHandler(
      "/users", [](const drogon::HttpRequestPtr &req,
                   std::function<void(const drogon::HttpResponsePtr &)> &&cb) {
        fruit::Injector<Database> injector(getDatabaseComponent);
        // CHECK-NOTES: :[[@LINE-1]]:35: warning: the injector built here makes new instances of 'Database', which owns a connection pool, in a Drogon handler registered with registerHandler, once per request, on every run; build the injector once and reuse it [poolguard-pool-per-call]
        // CHECK-NOTES: :39:35: note: 'Database' is registered here by 'getDatabaseComponent'
        // CHECK-NOTES: :26:25: note: 'Database' owns a pool: member 'pool_' of type 'soci::connection_pool'
      });
}

// A kangaru container per loop iteration.
void worker() {
  while (nextJob()) {
    kgr::container container;
    container.service<DatabaseService>();
    // CHECK-NOTES: :[[@LINE-1]]:15: warning: the injector built here makes new instances of 'Database', which owns a connection pool, in a loop body, on every run; build the injector once and reuse it [poolguard-pool-per-call]
    // CHECK-NOTES: :43:8: note: 'Database' is registered here by 'DatabaseService'
    // CHECK-NOTES: :26:25: note: 'Database' owns a pool: member 'pool_' of type 'soci::connection_pool'
  }
}

// A Boost.DI injector made per request with a per-injector scope, and a
// Hypodermic container filled and built per request.
class OrderCtrl : public drogon::HttpController<OrderCtrl> {
public:
  void list(const drogon::HttpRequestPtr &req,
            std::function<void(const drogon::HttpResponsePtr &)> &&cb) {
    auto injector = di::make_injector(
        di::bind<Database>.in(di::extension::shared));
    // CHECK-NOTES: :[[@LINE-1]]:28: warning: 'Database' owns a connection pool and a new one is made in a Drogon controller, once per request, on every run; make it once (a member or a component) and reuse it [poolguard-pool-per-call]
    // CHECK-NOTES: :26:25: note: 'Database' owns a pool: member 'pool_' of type 'soci::connection_pool'
    injector.create<std::shared_ptr<Database>>();
  }
  void create(const drogon::HttpRequestPtr &req,
              std::function<void(const drogon::HttpResponsePtr &)> &&cb) {
    Hypodermic::ContainerBuilder builder;
    builder.registerType<Database>().singleInstance();
    // CHECK-NOTES: :[[@LINE-1]]:13: warning: 'Database' owns a connection pool and a new one is made in a Drogon controller, once per request, on every run; make it once (a member or a component) and reuse it [poolguard-pool-per-call]
    // CHECK-NOTES: :26:25: note: 'Database' owns a pool: member 'pool_' of type 'soci::connection_pool'
    auto container = builder.build();
  }
};

// The same, with the injector made by a function and the builder filled by
// one: each request runs them again.
class ReportCtrl : public drogon::HttpController<ReportCtrl> {
public:
  void daily(const drogon::HttpRequestPtr &req,
             std::function<void(const drogon::HttpResponsePtr &)> &&cb) {
    auto injector = makeInjector();
    injector.create<std::shared_ptr<Database>>();
    // CHECK-NOTES: :[[@LINE-1]]:14: warning: the injector built here makes new instances of 'Database', which owns a connection pool, in a Drogon controller, once per request, on every run; build the injector once and reuse it [poolguard-pool-per-call]
    // CHECK-NOTES: :47:47: note: 'Database' is registered here by 'makeInjector'
    // CHECK-NOTES: :26:25: note: 'Database' owns a pool: member 'pool_' of type 'soci::connection_pool'
  }
  void weekly(const drogon::HttpRequestPtr &req,
              std::function<void(const drogon::HttpResponsePtr &)> &&cb) {
    Hypodermic::ContainerBuilder builder;
    registerDatabase(builder);
    auto container = builder.build();
    // CHECK-NOTES: :[[@LINE-1]]:30: warning: the injector built here makes new instances of 'Database', which owns a connection pool, in a Drogon controller, once per request, on every run; build the injector once and reuse it [poolguard-pool-per-call]
    // CHECK-NOTES: :50:11: note: 'Database' is registered here by 'registerDatabase'
    // CHECK-NOTES: :26:25: note: 'Database' owns a pool: member 'pool_' of type 'soci::connection_pool'
  }
};
#else
// The fixes: the handler uses objects made once, outside it.
class UserCtrl : public drogon::HttpController<UserCtrl> {
public:
  explicit UserCtrl(Database &db) : db_(db) {}
  void getUser(const drogon::HttpRequestPtr &req,
               std::function<void(const drogon::HttpResponsePtr &)> &&cb) {
    (void)db_;
  }

private:
  Database &db_;
};

void registerRoutes(fruit::Injector<Database> &injector) {
  drogon::app().registerHandler(
      "/users", [&injector](const drogon::HttpRequestPtr &req,
                            std::function<void(const drogon::HttpResponsePtr &)> &&cb) {
        (void)injector;
      });
}

void worker(kgr::container &container) {
  while (nextJob())
    container.service<DatabaseService>();
}

// A Boost.DI singleton is one static instance, whichever injector asks.
class OrderCtrl : public drogon::HttpController<OrderCtrl> {
public:
  void list(const drogon::HttpRequestPtr &req,
            std::function<void(const drogon::HttpResponsePtr &)> &&cb) {
    auto injector = di::make_injector(
        di::bind<Database>.in(di::singleton));
    injector.create<std::shared_ptr<Database>>();
  }
};

// Code that runs once makes its objects once.
int main() {
  Database db("postgresql://pg/app");
  fruit::Injector<Database> injector(getDatabaseComponent);
  kgr::container container;
  container.service<DatabaseService>();
  registerRoutes(injector);
  worker(container);
  auto di = makeInjector();
  di.create<std::shared_ptr<Database>>();
  Hypodermic::ContainerBuilder builder;
  registerDatabase(builder);
  auto built = builder.build();
}
// FIXED-NOT: warning:
#endif
