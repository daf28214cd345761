// RUN: %check_tidy %s poolguard-pool-per-call %t
// RUN: %clang_tidy --load=%plugin --checks='-*,poolguard-pool-per-call' %s -- -std=c++17 -nostdinc++ -isystem %headers -DFIXED 2>&1 | %FileCheck %s --check-prefix=FIXED --allow-empty --implicit-check-not='{{warning|error}}:'

// A repeating timer's callback runs once per tick: Drogon's
// `app().getLoop()->runEvery(interval, cb)` (trantor::EventLoop::runEvery,
// the drogon model's "repeating" entry), userver's utils::PeriodicTask, and
// an asio timer whose handler re-arms it. A pool made there is a new pool
// every tick; one made once (runAfter, a one-shot timer, an asio handler
// that does not re-arm) is not.

#include <boost/asio/steady_timer.hpp>
#include <drogon/drogon.h>
#include <soci/soci.h>
#include <userver/utils/periodic_task.hpp>

#ifndef FIXED
void scheduleCleanup() {
  drogon::app().getLoop()->runEvery(60.0, [] {
    soci::connection_pool pool(2);
    // CHECK-NOTES: :[[@LINE-1]]:27: warning: 'soci::connection_pool' opens new database connections in a timer callback (runEvery), once per tick, on every run; create the pool once (a member or a component) and reuse it [poolguard-pool-per-call]
  });
}

// userver: the callback of a PeriodicTask, started or constructed.
class CacheRefresher {
public:
  CacheRefresher()
      : task_("refresh", std::chrono::milliseconds(1000), [] {
          soci::connection_pool pool(2);
          // CHECK-NOTES: :[[@LINE-1]]:33: warning: 'soci::connection_pool' opens new database connections in a userver PeriodicTask callback, once per period, on every run; create the pool once (a member or a component) and reuse it [poolguard-pool-per-call]
        }) {}
  void restart() {
    task_.Start("refresh", std::chrono::milliseconds(1000), [] {
      soci::connection_pool pool(2);
      // CHECK-NOTES: :[[@LINE-1]]:29: warning: 'soci::connection_pool' opens new database connections in a userver PeriodicTask callback, once per period, on every run; create the pool once (a member or a component) and reuse it [poolguard-pool-per-call]
    });
  }

private:
  userver::utils::PeriodicTask task_;
};

// asio: a handler that re-arms its timer, directly or through the function
// that armed it, runs once per tick.
class Poller {
public:
  explicit Poller(boost::asio::io_context &io) : timer_(io) {}
  void tick() {
    timer_.expires_after(std::chrono::seconds(5));
    timer_.async_wait([this](boost::system::error_code ec) {
      soci::connection_pool pool(2);
      // CHECK-NOTES: :[[@LINE-1]]:29: warning: 'soci::connection_pool' opens new database connections in a timer handler that re-arms its timer (async_wait), once per tick, on every run; create the pool once (a member or a component) and reuse it [poolguard-pool-per-call]
      tick();
    });
  }
  void heartbeat() {
    timer_.async_wait([this](boost::system::error_code ec) {
      soci::connection_pool pool(1);
      // CHECK-NOTES: :[[@LINE-1]]:29: warning: 'soci::connection_pool' opens new database connections in a timer handler that re-arms its timer (async_wait), once per tick, on every run; create the pool once (a member or a component) and reuse it [poolguard-pool-per-call]
      timer_.async_wait([](boost::system::error_code) {});
    });
  }

private:
  boost::asio::steady_timer timer_;
};
#else
// The fix: the callback uses a pool made once.
void scheduleCleanup(soci::connection_pool &pool) {
  drogon::app().getLoop()->runEvery(60.0, [&pool] { (void)pool; });
}
// A one-shot timer runs its callback once.
void scheduleMigration() {
  drogon::app().getLoop()->runAfter(1.0, [] { soci::connection_pool pool(1); });
}
// A userver task whose callback uses a pool made once.
class CacheRefresher {
public:
  explicit CacheRefresher(soci::connection_pool &pool)
      : task_("refresh", std::chrono::milliseconds(1000), [&pool] { (void)pool; }) {}

private:
  userver::utils::PeriodicTask task_;
};
// An asio handler that does not re-arm its timer runs once.
class Poller {
public:
  explicit Poller(boost::asio::io_context &io) : timer_(io) {}
  void startOnce() {
    timer_.async_wait([](boost::system::error_code ec) {
      soci::connection_pool pool(2);
    });
  }

private:
  boost::asio::steady_timer timer_;
};
// FIXED-NOT: warning:
#endif
