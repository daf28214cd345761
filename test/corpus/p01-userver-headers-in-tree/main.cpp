// userver added as a subdirectory: its headers come with -I, not -isystem.
// One Postgres component; the rvalue Append forwards to Append<T>(name)
// inside userver's own header, which is no registration of this service.
#include <userver/components/component_list.hpp>
#include <userver/storages/postgres/component.hpp>
#include <userver/utils/daemon_run.hpp>

using namespace userver;

int main(int argc, char *argv[]) {
  auto component_list = components::MinimalServerComponentList()
                            .Append<components::Postgres>("postgres-db");
  return utils::DaemonMain(argc, argv, component_list);
}
