// Five Postgres components on one dbconnection: one finding for the group,
// at the second creation, with notes at the others.
#include <userver/components/component_list.hpp>
#include <userver/storages/postgres/component.hpp>
#include <userver/utils/daemon_run.hpp>

using namespace userver;

int main(int argc, char *argv[]) {
  auto component_list = components::MinimalServerComponentList();
  component_list.Append<components::Postgres>("users-database");
  component_list.Append<components::Postgres>("routes-database"); // poolguard-expect: poolguard-repeated-pool
  component_list.Append<components::Postgres>("friends-database");
  component_list.Append<components::Postgres>("fellows-database");
  component_list.Append<components::Postgres>("avatars-database");
  return utils::DaemonMain(argc, argv, component_list);
}
