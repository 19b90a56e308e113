from camthuy_audit.cli import main

raise SystemExit(main())
