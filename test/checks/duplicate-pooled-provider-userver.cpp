// RUN: %check_tidy -std=c++17 %s poolguard-duplicate-pooled-provider,poolguard-repeated-pool %t -- -config="{CheckOptions: {ConfigFiles: '%S/Inputs/userver-config/static_config.yaml;%S/Inputs/userver-config/config_vars.yaml'}}"
// RUN: %clang_tidy --load=%plugin --checks='-*,poolguard-duplicate-pooled-provider,poolguard-repeated-pool' -config="{CheckOptions: {ConfigFiles: '%S/Inputs/userver-config/static_config.yaml;%S/Inputs/userver-config/config_vars.yaml'}}" %s -- -std=c++17 -nostdinc++ -isystem %headers -DFIXED 2>&1 | %FileCheck %s --check-prefix=FIXED --allow-empty --implicit-check-not='{{warning|error}}:'

// userver: one component per name. The same pool-owning type under two names
// is two components, two pools. When static_config.yaml gives both names a
// database, each component is a pool of that database and
// poolguard-repeated-pool reports the pools of one database once (one
// issue, one finding: this check stays silent on them). Names the
// configuration does not join have unknown databases that may be one:
// a duplicate pooled provider. Two names given different databases are
// userver's way to use two databases: correct code. The same name twice is
// a startup error ("Attempt to add a duplicate component"), not a second
// pool.

#include <userver/components/component_list.hpp>
#include <userver/storages/postgres/component.hpp>
#include <userver/utils/daemon_run.hpp>

using namespace userver;

#ifndef FIXED
// Module-style Append functions, as in sabudilovskiy/Timetable-VSU-backend.
void AppendUsers(components::ComponentList &list) {
  list.Append<components::Postgres>("users-database");
}
// Another name on the same dbconnection: a second pool to one database,
// reported once, by poolguard-repeated-pool.
void AppendRoutes(components::ComponentList &list) {
  list.Append<components::Postgres>("routes-database");
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: another connection pool to database 'postgresql://postgres:driver@localhost:5432/postgres' is created here; 2 pools reach it; share one pool (or executor) as its own component and inject it [poolguard-repeated-pool]
}
// Two names without a block in the configuration: their databases are
// unknown and may be one.
void AppendCaches(components::ComponentList &list) {
  list.Append<components::Postgres>("cache-a");
  list.Append<components::Postgres>("cache-b");
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'userver::components::Postgres' owns a connection pool and is provided again by 'AppendCaches'; its 2 registrations in 1 module create 2 instances, each with its own pool; provide it once in a shared module and inject it elsewhere [poolguard-duplicate-pooled-provider]
}
int main(int argc, char *argv[]) {
  auto list = components::MinimalServerComponentList();
  AppendUsers(list);
  AppendRoutes(list);
  AppendCaches(list);
  return utils::DaemonMain(argc, argv, list);
}
#else
// The fix: one component; handlers find it by name.
void AppendStorage(components::ComponentList &list) {
  list.Append<components::Postgres>("postgres-db");
}
// Appending the same name again (here from a second module) is one
// component: userver refuses to start, it does not open a second pool.
void AppendHandlers(components::ComponentList &list) {
  list.Append<components::Postgres>("postgres-db");
}
class UsersHandler {
public:
  explicit UsersHandler(const components::ComponentContext &context)
      : db_(context.FindComponent<components::Postgres>("postgres-db")) {}

private:
  components::Postgres &db_;
};
// Two names, two databases (analytics-database has its own dbconnection):
// each component is the only pool of its database.
void AppendAnalytics(components::ComponentList &list) {
  list.Append<components::Postgres>("analytics-database");
}
int main(int argc, char *argv[]) {
  auto list = components::MinimalServerComponentList();
  AppendStorage(list);
  AppendHandlers(list);
  AppendAnalytics(list);
  return utils::DaemonMain(argc, argv, list);
}
// FIXED-NOT: warning:
#endif
