// Mock of Wt/Dbo/SqlConnection.h (emweb/wt 4.x), trimmed.
#ifndef POOLGUARD_MOCK_WT_DBO_SQLCONNECTION_H
#define POOLGUARD_MOCK_WT_DBO_SQLCONNECTION_H
namespace Wt {
namespace Dbo {
class SqlConnection {
public:
  virtual ~SqlConnection();
};
class SqlConnectionPool {
public:
  virtual ~SqlConnectionPool();
};
} // namespace Dbo
} // namespace Wt
#endif
