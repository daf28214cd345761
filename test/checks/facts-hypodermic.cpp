// RUN: %poolguard --dump-facts %s -- -std=c++17 -nostdinc++ -isystem %headers | python3 %S/Inputs/facts_lines.py | %FileCheck %s

// The facts of Hypodermic registrations: service, interface, module (the
// registration function), lifetime, and why the service owns a pool.

#include <Hypodermic/Hypodermic.h>
#include <soci/soci.h>

class IPrisma {
public:
  virtual ~IPrisma();
};
class PrismaService : public IPrisma {
  soci::connection_pool pool_{10};
};
class Logger {};

namespace app {
void DiApp(Hypodermic::ContainerBuilder &builder) {
  builder.registerType<PrismaService>().as<IPrisma>().singleInstance();
  builder.registerInstance(std::make_shared<Logger>());
  builder.registerInstanceFactory([](Hypodermic::ComponentContext &) {
    return std::make_shared<soci::connection_pool>(4);
  }).singleInstance();
}
// Without .singleInstance() a registration is transient: a new instance on
// every resolve, per consumer.
void DiTransient(Hypodermic::ContainerBuilder &builder) {
  builder.registerType<PrismaService>().as<IPrisma>();
  builder.registerInstanceFactory([](Hypodermic::ComponentContext &) {
    return std::make_shared<Logger>();
  });
}
} // namespace app

// CHECK-DAG: module fn:app::DiApp framework=hypodermic @facts-hypodermic.cpp:19:6
// CHECK-DAG: module fn:app::DiTransient framework=hypodermic @facts-hypodermic.cpp:28:6
// CHECK-DAG: registration PrismaService as IPrisma module=fn:app::DiApp lifetime=per-registration name= framework=hypodermic @facts-hypodermic.cpp:20:11
// CHECK-DAG: registration Logger module=fn:app::DiApp lifetime=per-registration name= framework=hypodermic @facts-hypodermic.cpp:21:11
// CHECK-DAG: registration soci::connection_pool module=fn:app::DiApp lifetime=per-registration name= framework=hypodermic provider-creates-pool @facts-hypodermic.cpp:22:11
// CHECK-DAG: registration PrismaService as IPrisma module=fn:app::DiTransient lifetime=per-consumer name= framework=hypodermic @facts-hypodermic.cpp:29:11
// CHECK-DAG: registration Logger module=fn:app::DiTransient lifetime=per-consumer name= framework=hypodermic @facts-hypodermic.cpp:30:11
// CHECK-DAG: owner PrismaService: member 'pool_' of type 'soci::connection_pool' @facts-hypodermic.cpp:14:25
// CHECK-DAG: pool soci soci::connection_pool size=10 text=10 db= dbtext= owner=PrismaService module= fn= multiplier=1 @facts-hypodermic.cpp:14:25
// CHECK-DAG: pool soci soci::connection_pool size=4 text=4 db= dbtext= owner= module=fn:app::DiApp fn=app::DiApp multiplier=1 @facts-hypodermic.cpp:23:12
// CHECK-NOT: owner Logger
