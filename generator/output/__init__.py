"""Stage 6, output: post-render hooks, then the tree written atomically (or compared for --check)."""
