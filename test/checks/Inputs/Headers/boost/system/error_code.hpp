// Mock of boost/system/error_code.hpp (Boost 1.74), trimmed.
#ifndef POOLGUARD_MOCK_BOOST_SYSTEM_ERROR_CODE_HPP
#define POOLGUARD_MOCK_BOOST_SYSTEM_ERROR_CODE_HPP
namespace boost {
namespace system {
class error_code {
public:
  error_code();
  explicit operator bool() const;
};
} // namespace system
} // namespace boost
#endif
