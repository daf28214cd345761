// RUN: %poolguard --dump-facts %s -- -std=c++17 -nostdinc++ -isystem %headers | python3 %S/Inputs/facts_lines.py | %FileCheck %s

// The registration facts of Boost.DI (lifetime from the scope; a singleton
// is keyed by its interface), Fruit (per injector; a per-request injector
// registers what its component reaches again), kangaru (one registration
// per definition), CppMicroServices (per RegisterService call) and
// composition roots (constructions in main and getInstance only).

#include <boost/di.hpp>
#include <cppmicroservices/BundleActivator.h>
#include <fruit/fruit.h>
#include <kgr/kangaru.hpp>
#include <memory>
#include <soci/soci.h>

class IStore {
public:
  virtual ~IStore();
};
class Store : public IStore {
public:
  INJECT(Store()) : pool_(4) {}

private:
  soci::connection_pool pool_;
};

auto diModule() {
  return boost::di::make_injector(
      boost::di::bind<IStore>.to<Store>().in(boost::di::singleton),
      boost::di::bind<Store>.to<Store>().in(boost::di::extension::shared),
      boost::di::bind<IStore>.to<Store>().in(boost::di::unique));
}

fruit::Component<IStore> getStoreComponent() {
  return fruit::createComponent().bind<IStore, Store>();
}
fruit::Component<IStore> getRequestComponent() {
  return fruit::createComponent().install(getStoreComponent);
}
void onRequest(const fruit::NormalizedComponent<> &normalized) {
  fruit::Injector<IStore> injector(normalized, getRequestComponent);
}

struct StoreService : kgr::single_service<Store> {};

class Activator : public cppmicroservices::BundleActivator {
  void Start(cppmicroservices::BundleContext context) override {
    context.RegisterService<IStore>(std::make_shared<Store>());
  }
  void Stop(cppmicroservices::BundleContext) override {}
};

Store &getInstance() {
  static Store store;
  return store;
}
void notARoot() { Store local; }
int main() {
  Store store;
  soci::connection_pool pool(2);
  fruit::Injector<IStore> root(getStoreComponent);
}

// CHECK-DAG: registration Store as IStore module=fn:diModule lifetime=per-type name=IStore framework=boost-di @facts-di-frameworks.cpp:30:31
// CHECK-DAG: registration Store as Store module=fn:diModule lifetime=per-injector name=Store framework=boost-di @facts-di-frameworks.cpp:31:30
// CHECK-DAG: registration Store as IStore module=fn:diModule lifetime=per-consumer name=IStore framework=boost-di @facts-di-frameworks.cpp:32:31
// CHECK-DAG: import fn:getRequestComponent -> fn:getStoreComponent @facts-di-frameworks.cpp:39:35
// CHECK-DAG: import fn:main -> fn:getStoreComponent injector @facts-di-frameworks.cpp:62:27
// CHECK-DAG: registration Store as IStore module=fn:getStoreComponent lifetime=per-injector name= framework=fruit @facts-di-frameworks.cpp:36:35
// CHECK-DAG: registration Store as IStore module=fn:onRequest lifetime=per-registration name= framework=fruit @facts-di-frameworks.cpp:42:27
// CHECK-DAG: registration Store module=class:StoreService lifetime=per-injector name= framework=kangaru @facts-di-frameworks.cpp:45:8
// CHECK-DAG: registration Store as IStore module=class:Activator lifetime=per-registration name= framework=cppmicroservices @facts-di-frameworks.cpp:49:13
// CHECK-DAG: registration Store module=fn:getInstance lifetime=per-registration name= framework=composition-root @facts-di-frameworks.cpp:55:16
// CHECK-DAG: registration Store module=fn:main lifetime=per-registration name= framework=composition-root @facts-di-frameworks.cpp:60:9
// Not a root, and a pool itself rather than a pool owner:
// CHECK-NOT: @facts-di-frameworks.cpp:58:
// CHECK-NOT: registration soci::connection_pool
