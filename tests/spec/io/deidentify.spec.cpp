#include <support/catch.hpp>
