// RUN: %check_tidy %s poolguard-duplicate-pooled-provider %t
// RUN: %clang_tidy --load=%plugin --checks='-*,poolguard-duplicate-pooled-provider' %s -- -std=c++17 -nostdinc++ -isystem %headers -DFIXED 2>&1 | %FileCheck %s --check-prefix=FIXED --allow-empty --implicit-check-not='{{warning|error}}:'

// Google Fruit: one instance per type per injector. Two injectors whose
// components reach one binding of a pool-owning store make two stores, two
// pools: here main's and the one handleRequest builds (on every call). One
// injector whose components install the store's component twice makes one.

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
fruit::Component<Handler> getRequestComponent() {
  return fruit::createComponent().install(getStoreComponent);
}
// Installs the store's component again: within one injector Fruit keeps one
// binding, so this alone is no second store.
fruit::Component<Handler, IStore> getAppComponent() {
  return fruit::createComponent()
      .install(getRequestComponent)
      .install(getStoreComponent);
}

#ifndef FIXED
void handleRequest() {
  fruit::Injector<Handler> injector(getRequestComponent);
}
#endif

int main() {
  fruit::Injector<Handler, IStore> injector(getAppComponent);
  // CHECK-NOTES: :[[@LINE-1]]:36: warning: 'PgStore' owns a connection pool and is provided again by 'main'; its 2 registrations in 2 modules create 2 instances, each with its own pool; provide it once in a shared module and inject it elsewhere [poolguard-duplicate-pooled-provider]
  // CHECK-NOTES: :44:28: note: 'PgStore' is also provided by 'handleRequest' here
  // CHECK-NOTES: :29:35: note: each injector makes its own 'PgStore', bound in 'getStoreComponent' here
  // CHECK-NOTES: :21:25: note: 'PgStore' owns a pool: member 'pool_' of type 'soci::connection_pool'
#ifdef FIXED
  // The fix: requests use the handler of the one injector.
  Handler *handler = injector.get<Handler *>();
#endif
}
// FIXED-NOT: warning:
