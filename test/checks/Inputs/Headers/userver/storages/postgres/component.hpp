// Mock of userver/storages/postgres/component.hpp: real names and
// signatures, trimmed. The component owns a cluster (one pool per host).
#ifndef POOLGUARD_MOCK_USERVER_POSTGRES_COMPONENT_HPP
#define POOLGUARD_MOCK_USERVER_POSTGRES_COMPONENT_HPP
#include <memory>
#include <userver/components/component_list.hpp>
namespace userver {
namespace storages::postgres {
class Cluster;
using ClusterPtr = std::shared_ptr<Cluster>;
} // namespace storages::postgres
namespace components {
class Postgres : public ComponentBase {
public:
  Postgres(const ComponentConfig &, const ComponentContext &);
  ~Postgres() override;
  storages::postgres::ClusterPtr GetCluster() const;
  storages::postgres::ClusterPtr GetClusterForShard(size_t shard) const;
};
} // namespace components
} // namespace userver
#endif
