#include <userver/components/component_list.hpp>
#include <userver/storages/postgres/component.hpp>

using namespace userver;

void AppendStorage(components::ComponentList &list) {
  list.Append<components::Postgres>("users-database");
  list.Append<components::Postgres>("routes-database");
}
