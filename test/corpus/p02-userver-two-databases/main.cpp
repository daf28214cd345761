// userver's way to use two databases: two components, two dbconnections.
#include <userver/components/component_list.hpp>
#include <userver/storages/postgres/component.hpp>
#include <userver/utils/daemon_run.hpp>

using namespace userver;

void AppendStorages(components::ComponentList &list) {
  list.Append<components::Postgres>("orders-db");
  list.Append<components::Postgres>("billing-db");
}

int main(int argc, char *argv[]) {
  auto component_list = components::MinimalServerComponentList();
  AppendStorages(component_list);
  return utils::DaemonMain(argc, argv, component_list);
}
