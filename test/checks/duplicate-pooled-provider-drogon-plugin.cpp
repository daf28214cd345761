// RUN: %check_tidy -std=c++20 %s poolguard-duplicate-pooled-provider %t
// RUN: %clang_tidy --load=%plugin --checks='-*,poolguard-duplicate-pooled-provider' %s -- -std=c++20 -nostdinc++ -isystem %headers -DFIXED 2>&1 | %FileCheck %s --check-prefix=FIXED --allow-empty --implicit-check-not='{{warning|error}}:'

// Drogon makes one instance of each plugin class (drogon::Plugin<T>) and
// hands it out with app().getPlugin<T>(). A plugin that owns a pool and is
// also constructed by hand is two instances, two pools.

#include <drogon/drogon.h>

class SessionStore : public drogon::Plugin<SessionStore> {
public:
  SessionStore()
      : client_(drogon::orm::DbClient::newPgClient("host=db dbname=sessions", 4)) {}
  void initAndStart(const Json::Value &config) override {}
  void shutdown() override {}

private:
  drogon::orm::DbClientPtr client_;
};

int main() {
#ifndef FIXED
  SessionStore Store;
  // CHECK-NOTES: :[[@LINE-1]]:16: warning: 'SessionStore' owns a connection pool and is provided again by 'main'
  // CHECK-NOTES: :10:7: note: 'SessionStore' is also provided by 'SessionStore' here
  // CHECK-NOTES: :13:17: note: 'SessionStore' owns a pool: creates a pool in 'SessionStore::SessionStore'
#else
  // The fix: use the app's instance.
  SessionStore *Store = drogon::app().getPlugin<SessionStore>();
#endif
  drogon::app().run();
}
// FIXED-NOT: warning:
