// Mock of oatpp/codegen/ApiController_undef.hpp.
#undef ENDPOINT
