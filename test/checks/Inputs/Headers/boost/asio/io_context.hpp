// Mock of boost/asio/io_context.hpp (Boost 1.74), trimmed: real names and
// signatures.
#ifndef POOLGUARD_MOCK_BOOST_ASIO_IO_CONTEXT_HPP
#define POOLGUARD_MOCK_BOOST_ASIO_IO_CONTEXT_HPP
#include <cstddef>
namespace boost {
namespace asio {
class io_context {
public:
  io_context();
  std::size_t run();
};
} // namespace asio
} // namespace boost
#endif
