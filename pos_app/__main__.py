from pos_app.launcher import main

raise SystemExit(main())
