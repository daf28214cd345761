// userver added as a subdirectory: its headers are on the include path with
// -I, not -isystem. ComponentList's inline `Append(Args&&...) &&` and
// `Append() &` forward to `Append<Component>(...)` inside the header; those
// calls are the framework's own code (namespace userver, the model's
// frameworkNamespaces), not registrations: one Append in the service is one
// registration wherever the header sits.
// RUN: rm -rf %t.dir && mkdir -p %t.dir/third_party && cp -r %headers/userver %t.dir/third_party/
// RUN: %check_tidy %s poolguard-duplicate-pooled-provider,poolguard-repeated-pool %t -- -config="{CheckOptions: {ConfigFiles: '%S/Inputs/userver-config/static_config.yaml;%S/Inputs/userver-config/config_vars.yaml'}}" -- -I%t.dir/third_party
// RUN: %clang_tidy --load=%plugin --checks='-*,poolguard-duplicate-pooled-provider,poolguard-repeated-pool' -config="{CheckOptions: {ConfigFiles: '%S/Inputs/userver-config/static_config.yaml;%S/Inputs/userver-config/config_vars.yaml'}}" %s -- -std=c++17 -nostdinc++ -isystem %headers -I%t.dir/third_party -DFIXED 2>&1 | %FileCheck %s --check-prefix=FIXED --allow-empty --implicit-check-not='{{warning|error}}:'

#include <userver/components/component_list.hpp>
#include <userver/storages/postgres/component.hpp>
#include <userver/utils/daemon_run.hpp>

using namespace userver;

#ifndef FIXED
// Two components on one database (both blocks use $dbconnection), appended
// in the chained rvalue form of userver's service templates: two pools,
// one finding (poolguard-repeated-pool's, by database), not four.
components::ComponentList UsersComponents() {
  return components::ComponentList().Append<components::Postgres>("users-database");
}
components::ComponentList RoutesComponents() {
  return components::ComponentList().Append<components::Postgres>("routes-database");
  // CHECK-MESSAGES: :[[@LINE-1]]:38: warning: another connection pool to database 'postgresql://postgres:driver@localhost:5432/postgres' is created here; 2 pools reach it; share one pool (or executor) as its own component and inject it [poolguard-repeated-pool]
}
int main(int argc, char *argv[]) {
  auto list = components::MinimalServerComponentList()
                  .AppendComponentList(UsersComponents())
                  .AppendComponentList(RoutesComponents());
  return utils::DaemonMain(argc, argv, list);
}
#else
// The fix: one Postgres component, found by name by the handlers.
class RoutesHandler {
public:
  explicit RoutesHandler(const components::ComponentContext &context)
      : db_(context.FindComponent<components::Postgres>("postgres-db")) {}

private:
  components::Postgres &db_;
};
int main(int argc, char *argv[]) {
  auto list = components::MinimalServerComponentList().Append<components::Postgres>("postgres-db");
  return utils::DaemonMain(argc, argv, list);
}
// FIXED-NOT: warning:
#endif
