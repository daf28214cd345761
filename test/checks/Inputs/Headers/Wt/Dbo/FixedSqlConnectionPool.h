// Mock of Wt/Dbo/FixedSqlConnectionPool.h (emweb/wt 4.x), trimmed.
#ifndef POOLGUARD_MOCK_WT_DBO_FIXEDSQLCONNECTIONPOOL_H
#define POOLGUARD_MOCK_WT_DBO_FIXEDSQLCONNECTIONPOOL_H
#include <Wt/Dbo/SqlConnection.h>
#include <memory>
namespace Wt {
namespace Dbo {
class FixedSqlConnectionPool : public SqlConnectionPool {
public:
  FixedSqlConnectionPool(std::unique_ptr<SqlConnection> connection, int size);
  ~FixedSqlConnectionPool() override;
};
} // namespace Dbo
} // namespace Wt
#endif
