// RUN: %check_tidy %s poolguard-duplicate-pooled-provider %t
// RUN: %clang_tidy --load=%plugin --checks='-*,poolguard-duplicate-pooled-provider' %s -- -std=c++17 -nostdinc++ -isystem %headers -DFIXED 2>&1 | %FileCheck %s --check-prefix=FIXED --allow-empty --implicit-check-not='{{warning|error}}:'

// Google Fruit: one instance per type per injector. An injector built per
// request from a NormalizedComponent creates everything its request component
// reaches again, so a pool-owning store bound there opens a pool per request.

#include <fruit/fruit.h>
#include <soci/soci.h>

class IStore {
public:
  virtual ~IStore();
};
class PgStore : public IStore {
public:
  INJECT(PgStore()) : pool_(10) {}

private:
  soci::connection_pool pool_;
};
class Handler {
public:
  INJECT(Handler(IStore *store));
};

fruit::Component<IStore> getStoreComponent() {
  return fruit::createComponent().bind<IStore, PgStore>();
}
fruit::Component<IStore> getRootComponent() {
  return fruit::createComponent().install(getStoreComponent);
}

#ifndef FIXED
fruit::Component<Handler> getRequestComponent() {
  return fruit::createComponent().install(getStoreComponent);
}
void handleRequest(const fruit::NormalizedComponent<IStore> &normalized) {
  fruit::Injector<Handler> injector(normalized, getRequestComponent);
  // CHECK-NOTES: :[[@LINE-1]]:28: warning: 'PgStore' owns a connection pool and is provided again by 'handleRequest'; its 2 registrations in 2 modules create 2 instances, each with its own pool; provide it once in a shared module and inject it elsewhere [poolguard-duplicate-pooled-provider]
  // CHECK-NOTES: :28:35: note: 'PgStore' is also provided by 'getStoreComponent' here
  // CHECK-NOTES: :20:25: note: 'PgStore' owns a pool: member 'pool_' of type 'soci::connection_pool'
}
#else
// The fix: the request component binds the one store made at startup.
fruit::Component<Handler> getRequestComponent(IStore *store) {
  return fruit::createComponent().bindInstance(*store);
}
void handleRequest(const fruit::NormalizedComponent<IStore> &normalized,
                   IStore *store) {
  fruit::Injector<Handler> injector(normalized, getRequestComponent, store);
}
// FIXED-NOT: warning:
#endif

int main() {
  fruit::Injector<IStore> injector(getRootComponent);
}
