// RUN: %check_tidy %s poolguard-pool-per-call %t
// RUN: %clang_tidy --load=%plugin --checks='-*,poolguard-pool-per-call' %s -- -std=c++17 -nostdinc++ -isystem %headers -DFIXED 2>&1 | %FileCheck %s --check-prefix=FIXED --allow-empty --implicit-check-not='{{warning|error}}:'

// A repeating timer's callback runs once per tick: Drogon's
// `app().getLoop()->runEvery(interval, cb)` (trantor::EventLoop::runEvery,
// the drogon model's "repeating" entry). A pool made there is a new pool
// every tick; one made once (runAfter, a one-shot timer) is not.

#include <drogon/drogon.h>
#include <soci/soci.h>

#ifndef FIXED
void scheduleCleanup() {
  drogon::app().getLoop()->runEvery(60.0, [] {
    soci::connection_pool pool(2);
    // CHECK-NOTES: :[[@LINE-1]]:27: warning: 'soci::connection_pool' opens new database connections in a timer callback (runEvery), once per tick, on every run; create the pool once (a member or a component) and reuse it [poolguard-pool-per-call]
  });
}
#else
// The fix: the callback uses a pool made once.
void scheduleCleanup(soci::connection_pool &pool) {
  drogon::app().getLoop()->runEvery(60.0, [&pool] { (void)pool; });
}
// A one-shot timer runs its callback once.
void scheduleMigration() {
  drogon::app().getLoop()->runAfter(1.0, [] { soci::connection_pool pool(1); });
}
// FIXED-NOT: warning:
#endif
